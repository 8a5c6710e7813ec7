/** Small security helpers shared by the server, the CLI and the add-in. */
export { maskPhone } from './mask-phone';
export { maskPhoneColumns } from './mask-phone-columns';
export { isFormulaLikeText } from './is-formula-like-text';
export { neutraliseFormulaText } from './neutralise-formula-text';
export { maskPhonesInText } from './mask-phones-in-text';
export { maskFindingPhones } from './mask-finding-phones';
