package org.convene.workflow;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request to the app's pages that cannot be taken as sent gets the 400 page naming what is
 * wrong, not a bare "Bad Request" (Spring's answer) or a 500 (a value the database refuses):
 * an address or a field of the wrong kind (a session id in words, "perhaps" for yes or no), a
 * field that is missing, and a text the database cannot store. The modules' own advices and
 * handlers (unknown meeting: 404; refused signed link) come first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageInputErrors {

    static final String VIEW = "error/400";

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView wrongKind(MethodArgumentTypeMismatchException e) {
        return page("'" + e.getName() + "' must be " + kind(e.getRequiredType()) + ", not '" + e.getValue() + "'.");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e) {
        return page("'" + e.getParameterName() + "' is missing.");
    }

    @ExceptionHandler(BindException.class)
    ModelAndView notBound(BindException e) {
        return page(e.getFieldErrors().stream()
                .map(error -> "'" + error.getField() + "' must be " + kind(fieldType(e, error)) + ", not '"
                        + error.getRejectedValue() + "'.")
                .collect(Collectors.joining(" ")));
    }

    @ExceptionHandler(DataAccessException.class)
    ModelAndView notStorable(DataAccessException e) throws DataAccessException {
        return StoredValueErrors.describe(e).map(PageInputErrors::page).orElseThrow(() -> e);
    }

    private static ModelAndView page(String message) {
        return new ModelAndView(VIEW, Map.of("message", message), HttpStatus.BAD_REQUEST);
    }

    private static Class<?> fieldType(BindException e, FieldError error) {
        return e.getBindingResult().getFieldType(error.getField());
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "of its kind";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "a whole number";
        }
        return "a " + type.getSimpleName();
    }
}
