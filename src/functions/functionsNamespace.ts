/**
 * The namespace of our custom functions (`=CMS.COSTSHARE(...)`). manifest.xml declares it
 * (Functions.Namespace); a test keeps the two equal, and messages use it to name a function.
 */
export const FUNCTIONS_NAMESPACE = "CMS";
