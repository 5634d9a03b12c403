// VitePress's default theme, with a few rules of our own (custom.css), and
// one routing rule: the API and spec references are built beside the site,
// not by it, so reaching them is a full page load, never the site's
// client-side router (which would show its own "page not found").
import type { Theme } from "vitepress";
import DefaultTheme from "vitepress/theme";
import { GENERATED_PREFIXES } from "../generated-prefixes.mjs";
import "./custom.css";

const theme: Theme = {
  extends: DefaultTheme,
  enhanceApp({ router }) {
    router.onBeforeRouteChange = (to) => {
      const path = new URL(to, "http://site").pathname;
      if (!GENERATED_PREFIXES.some((prefix) => path.startsWith(prefix))) return;
      window.location.assign(to);
      return false;
    };
  },
};

export default theme;
