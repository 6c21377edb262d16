/**
 * The one feature definition shared by training and scoring: application fields and derived facts,
 * their raw values and their encoding into model features.
 */
package org.licencerisk.model.features;
