package io.mttkit.tb.cli;

/**
 * A problem with what the user gave us (arguments, files, their contents). The CLI prints the message as
 * one line and exits with code 2; no stack trace unless {@code --debug}.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
