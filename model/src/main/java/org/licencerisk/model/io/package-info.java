/** File helpers shared by the model module: atomic writes and SHA-256 checksums. */
package org.licencerisk.model.io;
