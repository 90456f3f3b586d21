package org.redteam4j.core.attack.convert;

import java.util.function.UnaryOperator;
import org.redteam4j.core.attack.Converter;
import org.redteam4j.core.chat.ChatModel;

/** A converter that is a plain function of the prompt: no attacker, nothing to read back. */
record PlainConverter(String id, UnaryOperator<String> function) implements Converter {

    @Override
    public String convert(String prompt, ChatModel attacker) {
        return function.apply(prompt);
    }
}
