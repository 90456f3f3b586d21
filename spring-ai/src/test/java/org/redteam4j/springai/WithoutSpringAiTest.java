package org.redteam4j.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redteam4j.api.Targets;
import org.redteam4j.springai.internal.SpringAiTargetAdapter;

/** An application with this jar but without Spring AI (it is provided): the adapter accepts nothing, quietly. */
class WithoutSpringAiTest {

    /** This module's classes and the api's, and nothing else but the JDK: no Spring AI. */
    private static URLClassLoader withoutSpringAi() {
        URL adapter = SpringAiTargetAdapter.class.getProtectionDomain().getCodeSource().getLocation();
        URL api = Targets.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {adapter, api}, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void theAdapterAcceptsNothingWhenSpringAiIsAbsent() throws Exception {
        try (URLClassLoader loader = withoutSpringAi()) {
            assertThatThrownBy(() -> loader.loadClass("org.springframework.ai.chat.model.ChatModel"))
                    .isInstanceOf(ClassNotFoundException.class);
            Object adapter = loader.loadClass(SpringAiTargetAdapter.class.getName()).getConstructor().newInstance();

            Object adapted = adapter.getClass().getMethod("adapt", Object.class).invoke(adapter, new Object());

            assertThat(adapted).isEqualTo(Optional.empty());
        }
    }

    @Test
    void targetsFromStillExplainsWhatItAccepts() throws Exception {
        try (URLClassLoader loader = withoutSpringAi()) {
            Class<?> targets = loader.loadClass(Targets.class.getName());

            assertThatThrownBy(() -> targets.getMethod("from", Object.class).invoke(null, new Object()))
                    .isInstanceOf(InvocationTargetException.class).cause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a Spring AI ChatClient or ChatModel");
        }
    }
}
