// Key Vault (RBAC mode) holding every secret the containers read, and the apps' identity's
// read access to it. main.bicep writes the secrets it can derive (`srh-token` from its secure
// parameter, `database-url` in postgres.bicep, `redis-connection-string` in redis.bicep);
// operators set the others (jwt-secret, internal-api-key, provider keys): infra/RUNBOOK.md.
param name string
param location string
param tenantId string = subscription().tenantId
@description('Principal id of the apps\' user-assigned managed identity.')
param appPrincipalId string
param purgeProtection bool


// Built-in role "Key Vault Secrets User": read secret values.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
  }
}

output vaultName string = vault.name
output vaultUri string = vault.properties.vaultUri
