package org.prisonwatch.caserecord;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;

/** On a request record: its date component {@code to} must not be before its date component {@code from}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ChronologicalRange.Validator.class)
public @interface ChronologicalRange {

    String from();

    String to();

    String message() default "must not be before {from}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ChronologicalRange, Record> {

        private String from;
        private String to;

        @Override
        public void initialize(ChronologicalRange annotation) {
            from = annotation.from();
            to = annotation.to();
        }

        @Override
        public boolean isValid(Record value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            LocalDate start = component(value, from);
            LocalDate end = component(value, to);
            if (start == null || end == null || !end.isBefore(start)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(to).addConstraintViolation();
            return false;
        }

        private static LocalDate component(Record value, String name) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                if (component.getName().equals(name)) {
                    try {
                        return (LocalDate) component.getAccessor().invoke(value);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + name, e);
                    }
                }
            }
            throw new IllegalStateException("no date component " + name + " on " + value.getClass());
        }
    }
}
