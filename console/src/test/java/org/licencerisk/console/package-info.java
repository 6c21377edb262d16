/** The officers' console tested in a real browser (Playwright driving chromium) over the local API server. */
package org.licencerisk.console;
