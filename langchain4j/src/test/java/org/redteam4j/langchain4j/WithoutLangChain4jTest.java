package org.redteam4j.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redteam4j.api.Targets;
import org.redteam4j.langchain4j.internal.LangChain4jTargetAdapter;

/** An application with this jar but without LangChain4j (it is provided): the adapter accepts nothing, quietly. */
class WithoutLangChain4jTest {

    /** This module's classes and the api's, and nothing else but the JDK: no LangChain4j. */
    private static URLClassLoader withoutLangChain4j() {
        URL adapter = LangChain4jTargetAdapter.class.getProtectionDomain().getCodeSource().getLocation();
        URL api = Targets.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {adapter, api}, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void theAdapterAcceptsNothingWhenLangChain4jIsAbsent() throws Exception {
        try (URLClassLoader loader = withoutLangChain4j()) {
            assertThatThrownBy(() -> loader.loadClass("dev.langchain4j.model.chat.ChatModel"))
                    .isInstanceOf(ClassNotFoundException.class);
            Object adapter = loader.loadClass(LangChain4jTargetAdapter.class.getName()).getConstructor().newInstance();

            Object adapted = adapter.getClass().getMethod("adapt", Object.class).invoke(adapter, new Object());

            assertThat(adapted).isEqualTo(Optional.empty());
        }
    }

    @Test
    void targetsFromStillExplainsWhatItAccepts() throws Exception {
        try (URLClassLoader loader = withoutLangChain4j()) {
            Class<?> targets = loader.loadClass(Targets.class.getName());

            assertThatThrownBy(() -> targets.getMethod("from", Object.class).invoke(null, new Object()))
                    .isInstanceOf(InvocationTargetException.class).cause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a LangChain4j ChatModel or StreamingChatModel");
        }
    }
}
