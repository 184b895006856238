// Extracts the ABI and creation bytecode of contracts from Foundry's build output
// (contracts/out/<Name>.sol/<Name>.json) into <Name>.abi and <Name>.bin, the inputs of web3j's
// SolidityFunctionWrapperGenerator. Run by Maven in generate-sources; never copy ABIs by hand.
//   node foundry-artifacts.mjs <foundry out dir> <target dir> <Name>...
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [outDir, targetDir, ...names] = process.argv.slice(2);
if (!outDir || !targetDir || names.length === 0) {
  console.error("usage: foundry-artifacts.mjs <foundry out dir> <target dir> <Name>...");
  process.exit(2);
}
mkdirSync(targetDir, { recursive: true });
for (const name of names) {
  const file = join(outDir, `${name}.sol`, `${name}.json`);
  let artifact;
  try {
    artifact = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    console.error(`Cannot read ${file} (build the contracts module first): ${e.message}`);
    process.exit(1);
  }
  const bytecode = artifact.bytecode?.object ?? artifact.bytecode;
  if (!Array.isArray(artifact.abi) || typeof bytecode !== "string" || bytecode.length < 4) {
    console.error(`${file} has no ABI or bytecode`);
    process.exit(1);
  }
  writeFileSync(join(targetDir, `${name}.abi`), JSON.stringify(artifact.abi));
  writeFileSync(join(targetDir, `${name}.bin`), bytecode.replace(/^0x/, ""));
  console.log(`web3j input for ${name}: ${artifact.abi.length} ABI entries, ${(bytecode.length - 2) / 2} bytes of bytecode`);
}
