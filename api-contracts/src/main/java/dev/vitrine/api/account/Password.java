package dev.vitrine.api.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A new password, as {@link AccountRules} says it may be; a longer one is refused here, never fails the request. */
@Documented
@Constraint(validatedBy = Password.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Password {

    String message() default
            "must be " + AccountRules.PASSWORD_MIN_BYTES + " to " + AccountRules.PASSWORD_MAX_BYTES + " bytes (UTF-8)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Password, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || AccountRules.isValidPassword(value); // @NotNull says whether it may be absent
        }
    }
}
