package org.redteam4j.core.chat;

/** A ChatModel that wraps another and passes through what it does not change. */
public abstract class ForwardingChatModel implements ChatModel {

    protected final ChatModel model;

    protected ForwardingChatModel(ChatModel model) {
        this.model = model;
    }

    @Override
    public String id() {
        return model.id();
    }

    @Override
    public boolean supportsSamples() {
        return model.supportsSamples();
    }

    @Override
    public boolean takesDocuments() {
        return model.takesDocuments();
    }

    @Override
    public int maxRequestsPerCall(int humanTurns) {
        return model.maxRequestsPerCall(humanTurns);
    }

    @Override
    public boolean simulated() {
        return model.simulated();
    }

    @Override
    public void close() {
        model.close();
    }
}
