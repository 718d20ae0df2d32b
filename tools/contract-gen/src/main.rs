//! `cargo run -p contract-gen`: writes every file generated from the record
//! contract (see the crate documentation), and says which ones changed.

use std::process::ExitCode;

fn main() -> ExitCode {
    let root = contract_gen::repo_root();
    let outputs = match contract_gen::outputs(&root) {
        Ok(outputs) => outputs,
        Err(e) => {
            eprintln!("contract-gen: {e}");
            return ExitCode::FAILURE;
        }
    };
    for output in outputs {
        let path = root.join(output.path);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(output.contents.as_str()) {
            println!("unchanged {}", output.path);
            continue;
        }
        if let Err(e) = std::fs::write(&path, &output.contents) {
            eprintln!("contract-gen: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote     {}", output.path);
    }
    ExitCode::SUCCESS
}
