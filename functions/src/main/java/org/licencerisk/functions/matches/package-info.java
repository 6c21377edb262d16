/**
 * Officers' review of denial matches (confirmed or dismissed, every review kept), the consultations of denying states
 * a confirmed essentially identical match opens, and the guard that keeps a grant from going ahead while one is open.
 */
package org.licencerisk.functions.matches;
