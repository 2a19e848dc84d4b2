export declare const HEADLESS_SHELL: string;
export declare const DESKTOP_CHROMIUM: string;
export declare const INSTALL_HINT: string;
export declare function chromiumPath(): string | null;
export declare const CHROMIUM_FLAGS: string[];
