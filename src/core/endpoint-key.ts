/** A token endpoint as one key, however the page wrote it (relative or absolute). */
export const endpointKey = (endpoint: string) => new URL(endpoint, document.baseURI).href;
