// The result parameter's name is not documented by the provider. The flow must
// work whatever it is called, with the SDK's defaults untouched: the sandbox
// is started under each of these names.
export const RESULT_PARAM_NAMES = ["paymentStatus", "status", "result"] as const;
