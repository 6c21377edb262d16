/**
 * The functions' configuration: one immutable {@link org.licencerisk.functions.config.ApiConfig} read from the
 * environment in one place.
 */
package org.licencerisk.functions.config;
