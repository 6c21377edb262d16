/** Access and confidentiality: authentication on every route, no wildcard grants, no content in logs, no secrets. */
package org.licencerisk.functions.security;
