/** Tests that hold {@code template.yaml} and {@code openapi.yaml} against the code. */
package org.licencerisk.functions.template;
