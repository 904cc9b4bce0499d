#!/usr/bin/env node
// npm installs this as the `attest` command; the CLI itself is TypeScript run by Node 24.
import './main.ts';
