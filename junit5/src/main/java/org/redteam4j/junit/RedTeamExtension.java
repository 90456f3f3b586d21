package org.redteam4j.junit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.redteam4j.api.CampaignResult;
import org.redteam4j.junit.internal.CampaignTest;

/**
 * Runs the campaign of a {@link RedTeam} test once, hands its result to a {@link CampaignResult}
 * parameter, writes its JUnit XML and fails the test when a target is above the gate. Registered
 * by {@link RedTeam} itself.
 */
public final class RedTeamExtension implements InvocationInterceptor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedTeamExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CampaignResult.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return run(context).result();
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        CampaignTest.Ran ran = run(context);
        invocation.proceed();
        ran.gate();
    }

    /** Once per test method: a parameter and the interception share the run. */
    private static CampaignTest.Ran run(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(context.getUniqueId(),
                id -> CampaignTest.of(context).run(), CampaignTest.Ran.class);
    }
}
