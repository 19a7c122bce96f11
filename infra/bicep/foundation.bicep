// What must exist before the apps: the container registry (the image is pushed to it before
// main.bicep references it), the apps' user-assigned identity, and the Key Vault that
// operators fill with the application secrets (infra/RUNBOOK.md, "First deployment").
// Idempotent; the deploy workflow runs it before every deploy and passes its outputs to
// main.bicep.
targetScope = 'resourceGroup'

@allowed(['staging', 'production'])
param environmentName string

@minLength(3)
@maxLength(12)
param namePrefix string = 'aria'

param location string = resourceGroup().location

var name = '${namePrefix}-${environmentName}'
var suffix = uniqueString(resourceGroup().id)

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: take(toLower('${namePrefix}${environmentName}${suffix}'), 50)
  location: location
  sku: {
    name: environmentName == 'production' ? 'Standard' : 'Basic'
  }
  properties: {
    // Pushes and pulls use Entra ID (the deploy principal, the apps' identity).
    adminUserEnabled: false
    publicNetworkAccess: 'Enabled'
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

// Built-in role "AcrPull".
var acrPullRoleId = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource identityPullsImages 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, acrPullRoleId)
  scope: registry
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRoleId)
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('${namePrefix}${environmentName}kv${suffix}', 24)
    location: location
    appPrincipalId: identity.properties.principalId
    purgeProtection: environmentName == 'production'
  }
}

output registryName string = registry.name
output registryLoginServer string = registry.properties.loginServer
output identityName string = identity.name
output keyVaultName string = keyVault.outputs.vaultName
