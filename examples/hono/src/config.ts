// Everything that differs between the sandbox, the provider's test servers and
// production: configuration, never code. In a Worker it comes from `env`.

export interface ShopConfig {
  /** Your app's public origin, e.g. `https://shop.example`. */
  publicOrigin: string;
  /** The Connect API: the sandbox's `apiUrl`; leave out for the provider's (`environment`). */
  apiUrl?: string;
  environment?: "test" | "production";
  /** ConnectID's login server: the sandbox's `loginServer`; leave out for the provider's (`loginEnvironment`). */
  loginServer?: string;
  loginEnvironment?: "test" | "norway" | "sweden";
  clientId: string;
  clientSecret: string;
  /** 32+ random bytes that sign return URLs; never sent to a browser. */
  returnUrlSecret: string;
  productCode: string;
  companyCode: string;
}
