/** Shared fixtures of the model module's tests. */
package org.licencerisk.model.testing;
