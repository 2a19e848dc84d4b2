/// <reference types="vite/client" />

// The kit's React typings: tsc checks the attributes and on… listeners of <ip-*> in JSX.
import type {} from 'intelliprove-widgets/react';
