// The Terraform export's public entry; the writers live in ./terraform/ (emit.ts calls one per family).
export { toTerraform } from './terraform/emit'
