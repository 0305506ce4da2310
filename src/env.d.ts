/** Whether pages are served by `astro dev` (astro.config.mjs defines it when they are compiled). */
declare const __HONOUR_DEV_SERVER__: boolean;
