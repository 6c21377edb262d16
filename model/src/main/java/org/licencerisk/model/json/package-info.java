/** The project's single JSON configuration, shared by the model module and the functions. */
package org.licencerisk.model.json;
