/** Tests of where the pseudonymisation key comes from: the GetSecretValue request's shape and bad secrets. */
package org.licencerisk.functions.privacy;
