package org.prisonwatch.caserecord;

/** An input record that carries a verification status, which reporters may not raise. */
public interface VerifiableInput {

    VerificationStatus verificationStatus();
}
