/** A profile's id is its locality's code or its organisation's id: the API path of its owner. */
export const profileOwnerPath = (id: string) =>
  /^(VN|JP)-/.test(id)
    ? `/api/localities/${encodeURIComponent(id)}`
    : `/api/organizations/${encodeURIComponent(id)}`;
