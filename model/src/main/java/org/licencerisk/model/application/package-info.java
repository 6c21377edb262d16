/**
 * The licence application as the licensing system sends it: immutable records, their JSON form and
 * a validator that reports every problem at once.
 */
package org.licencerisk.model.application;
