export declare const KNOWN_BANNERS: readonly string[];
export declare function withoutToolBanners(text: string): string;
