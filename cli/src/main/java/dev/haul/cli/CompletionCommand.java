package dev.haul.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code haul completion bash|zsh}: a completion script generated from the command model. */
@Command(name = "completion",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        header = "Prints a shell completion script for haul.",
        description = "Bash: add  source <(haul completion bash)  to ~/.bashrc, or save it as "
                + "~/.local/share/bash-completion/completions/haul.%n"
                + "Zsh: add  source <(haul completion zsh)  to ~/.zshrc, or save it as _haul in a directory of $fpath.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(haul completion bash)", "  haul completion zsh > ~/.zfunc/_haul"})
public final class CompletionCommand implements Callable<Integer> {
    /** zsh runs the bash script through its bash-completion emulation. */
    static final String ZSH_PREAMBLE = "#compdef haul\n"
            + "# zsh completion for haul: the bash completion below, run by zsh's bash-completion emulation.\n"
            + "autoload -U +X bashcompinit && bashcompinit\n"
            + "# bash's compopt has no zsh twin. The script aliases it, but an alias does not reach functions\n"
            + "# parsed before it, as they are when zsh autoloads this file as _haul: a no-op function does.\n"
            + "(( ${+functions[compopt]} )) || compopt() { : ; }\n\n";
    /** When zsh autoloads this file as the function _haul, complete the word at hand too, not just register. */
    static final String ZSH_EPILOGUE = "\n[[ -n \"${ZSH_VERSION:-}\" && \"${funcstack[1]:-}\" == _haul ]] && _bash_complete -F _complete_haul\n";

    public enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(script(spec.root().commandLine(), shell));
        out.flush();
        return ExitCodes.OK;
    }

    /** The script for {@code shell}, completing every option and subcommand of {@code root}. */
    public static String script(CommandLine root, Shell shell) {
        String bash = AutoComplete.bash(root.getCommandName(), root);
        return shell == Shell.zsh ? ZSH_PREAMBLE + bash + ZSH_EPILOGUE : bash;
    }
}
