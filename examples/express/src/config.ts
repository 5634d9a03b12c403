// Everything that differs between the sandbox, the provider's test servers and
// production: configuration, never code (see the "Going live" guide).

export interface ShopConfig {
  /** Your app's public origin, e.g. `https://shop.example`: the base of every URL the browser is sent back to. */
  publicOrigin: string;
  /** The Connect API: the sandbox's `apiUrl`, or leave out and set `environment`. */
  apiUrl?: string;
  /** The provider's API servers, when `apiUrl` is not set. */
  environment?: "test" | "production";
  /** ConnectID's login server: the sandbox's `loginServer`, or leave out and set `loginEnvironment`. */
  loginServer?: string;
  /** The provider's login servers, when `loginServer` is not set. */
  loginEnvironment?: "test" | "norway" | "sweden";
  /** Your OAuth client at ConnectID. */
  clientId: string;
  clientSecret: string;
  /** 32+ random bytes that sign return URLs; never sent to a browser. */
  returnUrlSecret: string;
  /** The product whose payment method the customer manages. */
  productCode: string;
  /** The company the invoices are for. */
  companyCode: string;
}
