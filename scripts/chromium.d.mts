export declare const INSTALL_HINT: string;
export declare function chromiumPath(): string | null;
export declare const CHROMIUM_FLAGS: string[];
