/**
 * Party names made comparable: folding (case, accents, punctuation), transliteration of Cyrillic, Greek, Arabic and
 * Chinese characters into Latin letters, legal forms and generic words normalised, and the similarity of two
 * normalised names with rare words weighing more than generic ones.
 * <p>
 * Everything here is pure computation on strings; nothing of a name is ever logged or put in an exception message.
 */
package org.licencerisk.screening.names;
