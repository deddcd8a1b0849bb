package org.prisonwatch.caserecord;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A count has at least one bound, and its bounds are ordered; violations name the offending bound. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidCount.Validator.class)
public @interface ValidCount {

    String message() default "count bounds must satisfy min <= best <= max";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidCount, Count> {

        @Override
        public boolean isValid(Count count, ConstraintValidatorContext context) {
            if (count == null) {
                return true;
            }
            if (count.min() == null && count.best() == null && count.max() == null) {
                return violation(context, "best", "give at least one of min, best, max");
            }
            if (count.min() != null && count.best() != null && count.min() > count.best()) {
                return violation(context, "min", "must not be greater than best");
            }
            if (count.best() != null && count.max() != null && count.best() > count.max()) {
                return violation(context, "max", "must not be less than best");
            }
            if (count.min() != null && count.max() != null && count.min() > count.max()) {
                return violation(context, "max", "must not be less than min");
            }
            return true;
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
