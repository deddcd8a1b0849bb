package org.prisonwatch.caserecord;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A partner system's own id for a record: URL-safe, since it appears in /by-ref/{externalRef} paths. */
@Size(min = 1, max = ExternalRef.MAX_LENGTH)
@Pattern(regexp = ExternalRef.CHARACTERS)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface ExternalRef {

    /** Also checked on the externalRef in by-ref paths, which is no body field. */
    String CHARACTERS = "[A-Za-z0-9._:~-]+";

    int MAX_LENGTH = 200;

    String MESSAGE = "must be 1 to 200 letters, digits or . _ : ~ -";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
