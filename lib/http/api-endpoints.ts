import { ACCOUNT_ENDPOINTS } from "./endpoints/accounts";
import { BILLING_ADDRESS_ENDPOINTS } from "./endpoints/billing-addresses";
import { INVOICE_ENDPOINTS } from "./endpoints/invoices";
import { ORDER_ENDPOINTS } from "./endpoints/orders";
import { PARTNERSHIP_ENDPOINTS } from "./endpoints/partnerships";
import { PRODUCT_ENDPOINTS } from "./endpoints/products";
import { TAG_ENDPOINTS } from "./endpoints/tags";
import { TEAM_ENDPOINTS } from "./endpoints/teams";
import { USER_ENDPOINTS } from "./endpoints/users";

/**
 * Every REST endpoint, declared once (see ./endpoint.ts and ./endpoints/*): the route files export
 * `.handle`, and the OpenAPI document is generated from this list (API-3), so a route cannot exist
 * without being documented.
 */
export const ENDPOINTS = [
  ...ACCOUNT_ENDPOINTS,
  ...BILLING_ADDRESS_ENDPOINTS,
  ...PRODUCT_ENDPOINTS,
  ...TAG_ENDPOINTS,
  ...USER_ENDPOINTS,
  ...TEAM_ENDPOINTS,
  ...INVOICE_ENDPOINTS,
  ...ORDER_ENDPOINTS,
  ...PARTNERSHIP_ENDPOINTS,
];

export { accountsGet, accountsList, accountsPatch, accountsPut } from "./endpoints/accounts";
export {
  billingAddressesCreate,
  billingAddressesDelete,
  billingAddressesPatch,
  billingAddressesPut,
} from "./endpoints/billing-addresses";
export { invoicesGet, invoicesList, invoicesPdf } from "./endpoints/invoices";
export { ordersGet, ordersList, paymentsGet, paymentsList } from "./endpoints/orders";
export { partnershipsGet } from "./endpoints/partnerships";
export { productsGet, productsList } from "./endpoints/products";
export {
  productTagAttach,
  productTagDetach,
  productTagsAttach,
  tagsCreate,
  tagsDelete,
  tagsGet,
  tagsList,
  tagsPut,
  tagsUpdate,
} from "./endpoints/tags";
export {
  teamMemberAdd,
  teamMemberRemove,
  teamsCreate,
  teamsDelete,
  teamsGet,
  teamsList,
  teamsPatch,
  teamsPut,
} from "./endpoints/teams";
export { invitationsCreate, usersCreate, usersDelete, usersGet, usersList, usersPermissionsGet, usersPermissionsPut, usersUpdate } from "./endpoints/users";
