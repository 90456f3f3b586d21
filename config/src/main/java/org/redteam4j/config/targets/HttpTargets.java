package org.redteam4j.config.targets;

import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.http.KeyTransport;
import org.redteam4j.models.http.templated.HttpApp;
import org.redteam4j.models.http.templated.TemplatedHttpChatModel;
import org.redteam4j.models.resilience.ResiliencePolicy;
import org.redteam4j.models.resilience.ResilientCalls;

/**
 * Builds a {@code model: http} target: its {@code http:} block checked and parsed (errors name the
 * target and field), {@code ${ENV}} resolved, and every request of the model within the target's
 * limits. The model is named {@code http:URL} with {@code ${…}} unresolved, so no secret is stored.
 */
final class HttpTargets {

    private HttpTargets() {
    }

    static ChatModel model(TargetConfig config, ApiKeys keys, ResiliencePolicy policy) {
        String where = "target " + config.displayName();
        TargetConfig.HttpConfig http = config.http();
        if (http == null) {
            throw new BadInput(where + ": model: http needs an http: block (url, body, reply; see the README, "
                    + "\"Applications over HTTP\")");
        }
        if (config.baseUrl() != null || config.apiKeyEnv() != null) {
            throw new BadInput(where + ": model: http takes its URL and credentials from http.url and http.headers "
                    + "(${ENV}), not base_url or api_key_env");
        }
        HttpApp app = HttpApp.parse(new HttpApp.Declaration(http.url(), http.method(), http.headers(), http.body(),
                http.reply(), http.session() == null ? null : sessionFrom(http.session(), where), http.stream(),
                http.blockedStatus(), http.system(), http.stateful()),
                where, keys);
        if (app.stateful() && config.interventionOrDefault() == org.redteam4j.core.intervention.Intervention.REJECTION_SAMPLING) {
            // each sample would need a session of its own, replayed the whole conversation every turn
            throw new BadInput(where + ": intervention: rejection-sampling draws several replies to one conversation, "
                    + "which an application that keeps the conversation itself (a {{session}}, session.from, or no "
                    + "{{messages}}/{{transcript}} in its templates) cannot give without replaying it per sample and turn; "
                    + "send it the conversation ({{messages|json}}) without a session, or use another intervention");
        }
        if (!app.secrets().isEmpty() && KeyTransport.exposes(app.origin())
                && !Boolean.TRUE.equals(config.allowPlainHttpKey())) {
            throw new BadInput(where + ": refusing to send " + String.join(", ", app.secrets().names())
                    + " over plain http to " + app.origin().getHost() + "; use https, or set allow_plain_http_key: true "
                    + "on the target if the network between is trusted");
        }
        return new TemplatedHttpChatModel(app, policy.timeout(), new ResilientCalls("http:" + app.urlText(), policy));
    }

    private static String sessionFrom(TargetConfig.HttpSessionConfig session, String where) {
        if (session.from() == null || session.from().isBlank()) {
            throw new BadInput(where + ": http.session.from: missing; expected where the server's session id is, "
                    + "e.g. $.session_id");
        }
        return session.from();
    }
}
