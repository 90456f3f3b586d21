package org.redteam4j.langchain4j;

import org.redteam4j.api.spi.TargetAdapter;
import org.redteam4j.api.testing.WithoutTheFrameworkContract;
import org.redteam4j.langchain4j.internal.LangChain4jTargetAdapter;

/** An application with this jar but without LangChain4j (it is provided). */
class WithoutLangChain4jTest extends WithoutTheFrameworkContract {

    @Override
    protected Class<? extends TargetAdapter> adapter() {
        return LangChain4jTargetAdapter.class;
    }

    @Override
    protected String frameworkClass() {
        return "dev.langchain4j.model.chat.ChatModel";
    }

    @Override
    protected String accepts() {
        return "a LangChain4j ChatModel or StreamingChatModel";
    }
}
