package org.redteam4j.springai;

import org.redteam4j.api.spi.TargetAdapter;
import org.redteam4j.api.testing.WithoutTheFrameworkContract;
import org.redteam4j.springai.internal.SpringAiTargetAdapter;

/** An application with this jar but without Spring AI (it is provided). */
class WithoutSpringAiTest extends WithoutTheFrameworkContract {

    @Override
    protected Class<? extends TargetAdapter> adapter() {
        return SpringAiTargetAdapter.class;
    }

    @Override
    protected String frameworkClass() {
        return "org.springframework.ai.chat.model.ChatModel";
    }

    @Override
    protected String accepts() {
        return "a Spring AI ChatClient or ChatModel";
    }
}
