package org.redteam4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link RedTeam} test's class, without parameters, that returns a target: a
 * LangChain4j or Spring AI model (with redteam4j-langchain4j or redteam4j-spring-ai on the test
 * class path), a {@code Function<List<Turn>, String>} or a {@link org.redteam4j.api.ChatTarget}.
 * A static method is called as it is; another is called on the test instance, once the other
 * extensions have prepared it (a Spring test's injected {@code ChatClient} can be returned). It is
 * called once per campaign run; the target is named by the method, or by {@link #value()}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RedTeamTarget {

    /**
     * The target's name in results; the method's name when empty.
     *
     * @return the target's name, or empty for the method's
     */
    String value() default "";
}
