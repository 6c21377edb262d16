/** File helpers shared by the model module: atomic writes (one mechanism, {@link org.licencerisk.model.io.AtomicFileOutput}) and SHA-256 checksums. */
package org.licencerisk.model.io;
