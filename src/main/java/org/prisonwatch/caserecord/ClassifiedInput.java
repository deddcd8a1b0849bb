package org.prisonwatch.caserecord;

import org.prisonwatch.access.Confidentiality;

/** An input record that carries a classification, which only analysts may lower or set to PUBLIC. */
public interface ClassifiedInput {

    Confidentiality confidentiality();
}
