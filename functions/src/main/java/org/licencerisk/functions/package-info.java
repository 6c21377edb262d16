/**
 * The licence risk scoring API's AWS Lambda functions. {@link org.licencerisk.functions.Components} builds every
 * dependency once per container; the handlers live in the feature packages.
 */
package org.licencerisk.functions;
