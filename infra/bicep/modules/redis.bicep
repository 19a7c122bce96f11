// Azure Cache for Redis, TLS only. The apps reach it through serverless-redis-http (the
// Upstash REST protocol) running as a sidecar, so only SRH holds the access key.
param name string
param location string
@allowed(['Basic', 'Standard', 'Premium'])
param skuName string
@minValue(0)
@maxValue(6)
param capacity int
@description('Vault that receives the `redis-connection-string` secret (read by SRH only).')
param keyVaultName string

resource cache 'Microsoft.Cache/redis@2024-03-01' = {
  name: name
  location: location
  properties: {
    sku: {
      name: skuName
      family: skuName == 'Premium' ? 'P' : 'C'
      capacity: capacity
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    redisConfiguration: {
      'maxmemory-policy': 'volatile-lru'
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource connectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'redis-connection-string'
  properties: {
    value: 'rediss://:${cache.listKeys().primaryKey}@${cache.properties.hostName}:${cache.properties.sslPort}'
    contentType: 'rediss:// URL for serverless-redis-http'
  }
}

output name string = cache.name
output hostName string = cache.properties.hostName
