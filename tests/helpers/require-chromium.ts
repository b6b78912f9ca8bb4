// Setup file of the e2e tier: each browser test file fails at once with the install instructions
// when Chromium is absent, instead of building the renderer first or being skipped.
import { chromiumPath } from './chromium.ts';

chromiumPath();
